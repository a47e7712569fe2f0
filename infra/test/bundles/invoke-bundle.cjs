// Loads a built bundle as Lambda's Node.js runtime does (require the file, take the handler export) and
// invokes it once with the event read from stdin; writes the result as JSON to file descriptor 3 (stdout
// is the function's log). One process per bundle, as each Lambda function has its own.
const [file, exportName] = process.argv.slice(2);
let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  const handler = require(file)[exportName];
  const context = { awsRequestId: 'bundle-test', functionName: 'bundle-test', getRemainingTimeInMillis: () => 30_000 };
  const result = await handler(JSON.parse(input), context);
  require('node:fs').writeSync(3, JSON.stringify(result ?? null));
  process.exit(0);
});
