// Recursive fibonacci: function-call cost, number comparison and addition.
function fib(n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}
console.log("fib(38) =", fib(38));
