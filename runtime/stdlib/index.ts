// Native standard-library modules and built-in namespaces (runtime.md §4). The Graphoid-written
// modules live in stdlib/*.gr; these files register what the runtime itself provides.
import "./time.js";
import "./constants.js";
import "./random.js";
import "./os.js";
import "./fs.js";
import "./support.js";

export { GrTime, nowMillis } from "./time.js";
export { SeededRandom, currentSeededRandom, setSeededRandom } from "./random.js";
