// A numeric while loop with branches: %, comparisons, + and - on top-level variables.
let i = 0;
let total = 0;
let odd = 0;
while (i < 150000000) {
  if (i % 3 === 0) {
    total = total + i;
  } else if (i % 5 === 1) {
    total = total - 1;
    odd = odd + 1;
  } else {
    total = total + 2;
  }
  i = i + 1;
}
console.log("total", total, "odd", odd);
