// Method calls on a class instance: fields, two mutating methods and a getter.
class Account {
  balance = 0;
  moves = 0;
  deposit(amount) {
    this.balance = this.balance + amount;
    this.moves = this.moves + 1;
  }
  withdraw(amount) {
    if (amount > this.balance) return false;
    this.balance = this.balance - amount;
    this.moves = this.moves + 1;
    return true;
  }
  report() {
    return "balance " + this.balance + " after " + this.moves + " moves";
  }
}
const acct = new Account();
let i = 0;
let refused = 0;
while (i < 12000000) {
  acct.deposit(i % 7);
  if (!acct.withdraw(i % 11)) refused = refused + 1;
  i = i + 1;
}
console.log(acct.report(), "refused", refused);
