// Native standard-library modules and built-in namespaces (runtime.md §4). (Being implemented.)
export {};
