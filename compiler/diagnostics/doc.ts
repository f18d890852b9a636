// docs/diagnostics.md, generated from the catalogue (scripts/build.mjs writes it; a test checks it).
import { CATALOGUE } from "./catalogue.js";

export function diagnosticsMarkdown(): string {
  const lines = [
    "# Diagnostics",
    "",
    "Generated from `compiler/diagnostics/catalogue.ts`; do not edit. Every compile error is printed as",
    "`path:line:col: error[CODE]: message` followed by a code frame, and `graphoid` exits with status 1.",
    "",
    "| code | severity | meaning |",
    "|---|---|---|",
  ];
  for (const entry of Object.values(CATALOGUE)) {
    lines.push(`| ${entry.code} | ${entry.severity} | **${entry.title}.** ${entry.help} |`);
  }
  return lines.join("\n") + "\n";
}
