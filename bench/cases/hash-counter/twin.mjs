// A Map used as a counter: string keys built per step, has, get and set.
const words = "the quick brown fox jumps over the lazy dog while the cat sleeps".split(" ");
const n = words.length;
const counts = new Map();
let i = 0;
while (i < 5000000) {
  const w = words[i % n] + (i % 97);
  if (counts.has(w)) {
    counts.set(w, counts.get(w) + 1);
  } else {
    counts.set(w, 1);
  }
  i = i + 1;
}
console.log("keys", counts.size, "the0", counts.get("the0"), "dog5", counts.get("dog5"), "sleeps96", counts.get("sleeps96"));
