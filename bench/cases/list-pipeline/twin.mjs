// Build an array with push in a loop, then map / filter / reduce over it with arrow functions.
let rounds = 0;
let checksum = 0;
let xs, ys, total;
while (rounds < 5) {
  xs = [];
  let i = 0;
  while (i < 300000) {
    xs.push(i + rounds);
    i = i + 1;
  }
  ys = xs.map((x) => x * 3).filter((x) => x % 2 === 0);
  total = ys.reduce((acc, x) => acc + x, 0);
  checksum = checksum + (total % 1000003);
  rounds = rounds + 1;
}
console.log("last", xs.length, ys.length, total, "checksum", checksum);
