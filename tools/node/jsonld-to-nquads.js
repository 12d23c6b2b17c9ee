#!/usr/bin/env node
// Reads a JSON-LD file (optionally gzipped) and prints its RDF as N-Quads using jsonld.js
// (jsonld.toRDF with format 'application/n-quads'; no canonicalisation).
// Sijill's published context (https://w3id.org/sijill/context.jsonld) is resolved from the local
// ontology/context.jsonld, so no network is needed; any other remote context is refused.
//
//   node tools/node/jsonld-to-nquads.js FILE [--context URL=PATH ...]
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const jsonld = require('jsonld');

const args = process.argv.slice(2);
const local = {
  'https://w3id.org/sijill/context.jsonld': path.join(__dirname, '..', '..', 'ontology', 'context.jsonld'),
};
let file = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--context') {
    const [url, p] = args[++i].split(/=(.*)/s);
    local[url] = p;
  } else {
    file = args[i];
  }
}
if (!file) {
  console.error('usage: jsonld-to-nquads.js FILE [--context URL=PATH ...]');
  process.exit(2);
}

const documentLoader = async (url) => {
  const p = local[url];
  if (!p) throw new Error('refusing to fetch remote context ' + url + ' (no local copy given)');
  return { contextUrl: null, documentUrl: url, document: JSON.parse(fs.readFileSync(p, 'utf8')) };
};

(async () => {
  let bytes = fs.readFileSync(file);
  if (file.endsWith('.gz')) bytes = zlib.gunzipSync(bytes);
  const doc = JSON.parse(bytes.toString('utf8'));
  const nquads = await jsonld.toRDF(doc, { format: 'application/n-quads', documentLoader, safe: true });
  process.stdout.write(nquads);
})().catch((e) => {
  console.error('jsonld-to-nquads: ' + (e && e.stack ? e.stack : e));
  if (e && e.details) console.error(JSON.stringify(e.details, null, 2));
  process.exit(1);
});
