// Generates a large Graphoid program that uses every construct of grammar.md (statements of §3,
// expressions of §4, the annotation extension of §5), for the parser speed test. Each unit is
// the same text with fresh names, so the program is valid and realistic in shape.

function unit(n: number): string {
  return `# ---- unit ${n}: declarations and functions
import "json"
import "./util/text_${n}" as text${n}
import "./geometry" { area, perimeter as perim }
load "lib_${n}.gr"
module Shapes${n} alias S${n}
num count${n} = 0x1F + 0b1010 + 1.5
string label${n} = "unit \\"${n}\\"\\n" + 'single'
list<num> values${n} = list<num>[1, 2, 3]
hash names${n} = hash<string>{"a": "x", b: "y"}
graph<:dag> g${n} = graph{type: :dag}
tree<num> t${n} = tree{}
bignum big${n} = 12345678901234567890
priv secret${n} = count${n} * 2
priv num hidden${n} = 3
priv {
  shared${n} = hidden${n} + 1
}
/* a block comment
   spanning lines */
@circuit_breaker(failure_threshold: 3, recovery_timeout: 30,
                 fallback: (sym) => 0)
fn quote${n}(sym, retries = 2, ...rest) {
  return feed.price(sym) if retries > 0 else none
}
fn Shape${n}.describe() { return "shape" }
set Shape${n}.limit(v) { return v }
static fn Shape${n}.open(name) when name != none { return name }
priv fn helper${n}(a, b) {
  total = 0
  for v in [a, b, 3] {
    if v > 1 { total = total + v } else { continue }
    while total > 100 { break }
  }
  return total
}
fn fact${n}(n) {
  |0| => 1
  |k| if k > 0 => k * fact${n}(k - 1)
  |_| => none
}
graph Account${n} from Base {
  owner: "nobody"; balance: 0
  configure { readable: [:owner, :balance], writable: :owner }
  rule :no_cycles
  rule :max_degree, 3
  static kind: :account
  @retry(times: 2)
  fn deposit(amount) when amount > 0 { balance = balance + amount }
  priv fn audit() { return true }
  static fn open(name) { return name }
  set limit(v) { return v }
}
graph Ledger${n}(:dag) from supervisor {
  entries: []
}
# ---- statements
if count${n} > 0 and not done or flag && other || -count${n} < 3 {
  print("positive")
} else if count${n} == 0 {
  print("zero")
} else {
  print("negative")
}
if ready${n} then start() else stop()
if waiting${n} then wait()
else proceed()
configure { :integer, error_mode: :lenient } {
  x${n} = 1
}
configure { precision: 2 }
precision 2 { y${n} = 1 / 3 }
precision :int { z${n} = 7 // 2 }
try {
  risky${n}()
} catch ValueError as e {
  print(e.message())
} catch as e {
  print("other")
} finally {
  cleanup()
}
spawn { work${n}() }
describe "unit ${n}" {
  it "works", :fast {
    expect(1 + 1).to_equal(2)
  }
  repeat 3, :slow { |i| print(i) }
}
# ---- expressions
evens${n} = nums
  .filter(n => n % 2 == 0)
  .map(n => n * 10)
  .reduce(0) { |acc, x| acc + x }
squares${n} = [1, 2, 3].map { |x| x ** 2 }.length()
matrix${n}[0][1] = values${n}[2] .+ [1, 1] .* 2
obj${n}.field.inner = { |a, b| a + b }
handler${n} = (a, b) => {
  c = a << 2 | b & 0xFF ^ 1 >> 1
  c
}
label${n} = match reading${n} {
  0 => "zero"
  [only] => ("one: " + only)
  [head, ...tail] => tail, _ => "other"
}
value${n} = if flag${n} { "a" } else { "b" }
other${n} = unless flag${n} { 1 }
p${n} = Point { x: 3, y: 4 }
q${n} = (Point) { x: 1 }
inst${n} = Point
  { x: 5 }
runner.before_each { reset() }
y${n} = P.build { setup() }
w${n} = suite.it "works" { 5 }
xs${n}.sort!()
xs${n}.append!(4)
m${n}.a!
f${n}(x!, key: y!)
text${n} = string.join(["a", "b"], ",")
ys${n} = list.generate(1, 10, 1)
r${n} = super.describe(1, 2) if inside else -1
s${n} = spawn Worker {}
raise ValueError("bad ${n}") if broken${n}
check${n} = a =~ b or c !~ d or (e .== f) or g .< h
ok${n} = 1 if a else 2
neg${n} = 1 unless b
arr${n} = [
  1,
  2
]
mp${n} = {"k": 1,
  "f": x => x + 1}
chain${n} = [1]
  .length()
`;
}

/** A program of about `lines` lines built from repeated units. */
export function generateProgram(lines: number): string {
  const units: string[] = [];
  let total = 0;
  for (let n = 0; total < lines; n++) {
    const text = unit(n);
    units.push(text);
    total += text.split("\n").length - 1;
  }
  return units.join("");
}
