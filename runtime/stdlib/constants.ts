// `import "constants"` (bound as `const`, runtime.md §4.2): IEEE doubles of the usual constants.
import { registerNativeModule } from "./native.js";

registerNativeModule("constants", "constants", () => ({
  pi: Math.PI,
  e: Math.E,
  tau: 2 * Math.PI,
  phi: 1.618033988749895,
  sqrt2: Math.SQRT2,
  sqrt3: 1.7320508075688772,
  deg_to_rad: Math.PI / 180,
  rad_to_deg: 180 / Math.PI,
  c: 299792458,
  G: 6.6743e-11,
  h: 6.62607015e-34,
  ln2: Math.LN2,
  ln10: Math.LN10,
  log2e: Math.LOG2E,
  log10e: Math.LOG10E,
}));
