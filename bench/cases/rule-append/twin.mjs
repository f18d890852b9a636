// Appends that clamp every value into [0, 100], as the :validate_range behavior does.
const clamp = (v) => (v < 0 ? 0 : v > 100 ? 100 : v);
let rounds = 0;
let checksum = 0;
let xs, total;
while (rounds < 10) {
  xs = [];
  let i = 0;
  while (i < 200000) {
    xs.push(clamp((i % 250) - 50 + rounds));
    i = i + 1;
  }
  total = xs.reduce((acc, x) => acc + x, 0);
  checksum = checksum + total;
  rounds = rounds + 1;
}
console.log("last", xs.length, xs[0], xs[100], xs[xs.length - 1], total, "checksum", checksum);
