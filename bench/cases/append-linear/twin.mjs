// The same list-building program in JS, at the size given on the command line.
const n = Number(process.argv[2] ?? 500000);
const xs = [];
let i = 0;
while (i < n) {
  xs.push(i);
  i = i + 1;
}
console.log("appended", xs.length, "last", n > 0 ? xs[xs.length - 1] : "none");
