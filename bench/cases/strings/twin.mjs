// String building and splitting: concatenation with numbers, split, length, replace, join.
let rounds = 0;
let total = 0;
let hits = 0;
while (rounds < 2000) {
  let s = "";
  let i = 0;
  while (i < 1000) {
    s = s + "item" + i + ";";
    i = i + 1;
  }
  const parts = s.split(";");
  for (const p of parts) {
    total = total + p.length;
    if (p.endsWith("7")) hits = hits + 1;
  }
  const joined = parts.join(",").replaceAll("item", "x");
  total = total + joined.length;
  rounds = rounds + 1;
}
console.log("total", total, "hits", hits);
