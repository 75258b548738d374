// Drives the unmodified perspective-api-client 3.1.0 against a Parley server.
//   node client-test.mjs http://127.0.0.1:PORT KEY
// The client's URL is fixed to Google's host; an axios request interceptor sends its requests to Parley instead.
// Everything else is the client's own code. Prints one JSON object {check: {ok, ...}} and exits 1 if any check failed.
import axios from 'axios';
import Perspective from 'perspective-api-client';

const [base, key] = process.argv.slice(2);
if (!base || !key) {
  console.error('usage: node client-test.mjs http://127.0.0.1:PORT KEY');
  process.exit(2);
}

const GOOGLE = 'https://commentanalyzer.googleapis.com';
axios.interceptors.request.use(config => {
  config.url = config.url.replace(GOOGLE, base);
  config.proxy = false; // a proxy from the environment must not see local test traffic
  return config;
});

const client = new Perspective({apiKey: key});
const results = {};

async function check(name, run) {
  try {
    results[name] = {ok: true, ...(await run())};
  } catch (error) {
    results[name] = {ok: false, error: `${error.name}: ${error.message}`};
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

await check('severalAttributes', async () => {
  const result = await client.analyze('You are an idiot and I will kill you.', {
    attributes: ['toxicity', 'severe_toxicity', 'identity_attack', 'insult', 'profanity', 'threat'],
  });
  const names = Object.keys(result.attributeScores).sort();
  expect(names.join() === 'IDENTITY_ATTACK,INSULT,PROFANITY,SEVERE_TOXICITY,THREAT,TOXICITY', `got ${names}`);
  const scores = Object.fromEntries(names.map(n => [n, result.attributeScores[n].summaryScore.value]));
  for (const [n, v] of Object.entries(scores)) expect(v >= 0 && v <= 1, `${n} = ${v}`);
  return {scores, languages: result.languages};
});

await check('spans', async () => {
  const text = 'Honestly, you are an idiot.';
  const result = await client.analyze({comment: {text}, spanAnnotations: true}, {attributes: ['insult']});
  const spans = result.attributeScores.INSULT.spanScores;
  expect(Array.isArray(spans) && spans.length > 0, 'no spanScores');
  const words = spans.map(s => text.substring(s.begin, s.end));
  return {words, summary: result.attributeScores.INSULT.summaryScore.value};
});

await check('htmlStrippedByTheClient', async () => {
  const result = await client.analyze('<p>You are an <b>idiot</b>.</p>', {attributes: ['insult']});
  return {insult: result.attributeScores.INSULT.summaryScore.value};
});

await check('htmlStrippedByParley', async () => {
  const html = '<p>You are an <b>idiot</b> &amp; a fool.</p>';
  const result = await client.analyze({comment: {text: html, type: 'HTML'}, spanAnnotations: true},
    {attributes: ['insult'], stripHTML: false});
  const spans = result.attributeScores.INSULT.spanScores;
  return {insult: result.attributeScores.INSULT.summaryScore.value, words: spans.map(s => html.substring(s.begin, s.end))};
});

await check('clientToken', async () => {
  const result = await client.analyze({comment: {text: 'Nice article.'}, clientToken: 'tok-7'});
  expect(result.clientToken === 'tok-7', `clientToken ${result.clientToken}`);
  expect(result.attributeScores.TOXICITY, 'TOXICITY is the default attribute');
  return {toxicity: result.attributeScores.TOXICITY.summaryScore.value};
});

await check('badKey', async () => {
  const error = await rejection(new Perspective({apiKey: 'prl_wrong'}).analyze('Hello there'));
  expect(error instanceof Perspective.ResponseError, `${error.name}`);
  return {status: error.response.status, message: error.message};
});

await check('longTextRefusedByTheClient', async () => {
  const error = await rejection(client.analyze('a'.repeat(20481)));
  expect(error instanceof Perspective.TextTooLongError, `${error.name}`);
  return {message: error.message};
});

await check('longTextRefusedByParley', async () => {
  const error = await rejection(client.analyze('a'.repeat(20481), {validate: false}));
  expect(error instanceof Perspective.ResponseError, `${error.name}`);
  return {status: error.response.status, message: error.message};
});

await check('unknownAttribute', async () => {
  const error = await rejection(client.analyze('Hello there', {attributes: ['flirtation']}));
  expect(error instanceof Perspective.ResponseError, `${error.name}`);
  return {status: error.response.status, message: error.message};
});

console.log(JSON.stringify(results));
process.exit(Object.values(results).every(r => r.ok) ? 0 : 1);
