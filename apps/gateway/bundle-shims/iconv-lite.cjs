'use strict';
// Stands in for iconv-lite in the Lambda bundle only. express loads body-parser, which loads iconv-lite
// (about 490 KB of code pages), but the gateway never uses a body parser: it reads the raw bytes itself
// (src/middleware/read-raw-body.ts) and JSON is UTF-8. Any use of a real conversion fails loudly.
function unsupported() {
  throw new Error('Character set conversion is not available in the gateway bundle');
}
module.exports = {
  encodingExists: (encoding) => /^utf-?8$/i.test(String(encoding)),
  getDecoder: unsupported,
  getEncoder: unsupported,
  decode: unsupported,
  encode: unsupported,
};
