/**
 * `npx nx run boundaries:check`: checks the workspace's module boundaries and prints every violation
 * (exit 1) or a one-line summary (exit 0). `npm test` runs the same check as a test of this project.
 */
import { checkWorkspace } from './check-workspace';

async function main(): Promise<void> {
  const { references, violations } = await checkWorkspace(process.cwd());
  for (const { reference, rule, message } of violations) {
    process.stderr.write(`${reference.file}: ${message} [${rule}]\n`);
  }
  if (violations.length > 0) {
    process.stderr.write(`boundaries: ${violations.length} violation(s)\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`boundaries: ${references.length} references between projects, none breaks a rule\n`);
}

void main();
