// An empty program: the cost of starting node itself (with the probe preloaded), measured beside
// the cases so that start-up can be told apart from the work.
