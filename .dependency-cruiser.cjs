// The import rules of the tree, checked by dependency-cruiser: `npm run check:deps` (also run by .ci/run).
// The bot (src/) is layered: each entry of LAYERS may import only entries before it, never one after it, and a
// type import counts. With one entry per top-level folder or file, that rule alone rules out every cycle
// between folders; `no-circular` rules out cycles between files inside one.
/** @type {string[]} bottom first: the pure domain, then views, then what touches the database or Slack. */
const LAYERS = [
  'src/clock.ts',
  'src/timeout.ts',
  'src/cached-for.ts',
  'src/model-coach/', // the optional model coaching: an HTTP client and pure grounding; config reads its variables
  'src/crypto/', // tokens at rest: pure, read by config (INSTALLATION_KEY)
  'src/config.ts', // the one place that reads process.env
  'src/logger.ts',
  'src/metrics/', // Prometheus metrics: a registry that every layer above may count in
  'src/bank/', // the domain: the guide as typed topics ...
  'src/drills/', // ... questions, schedules, FSRS cards, Person ...
  'src/coach/', // ... reading an answer ...
  'src/progress/', // ... streaks, stats, recaps, export
  'src/views/', // Block Kit builders: pure, from the domain only
  'src/db/',
  'src/slack-api/', // Web API clients and what Slack's errors mean
  'src/workspaces/', // installations: store, per-workspace clients, OAuth
  'src/delivery/',
  'src/scheduler/',
  'src/slack/', // the Bolt app, its gate and listeners, and the context they share
  'src/bot.ts', // the composition root
  'src/main.ts',
  'src/cli/', // command-line entry points
];

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pathOf = (layer) => `^${escapeRegExp(layer)}${layer.endsWith('/') ? '' : '$'}`;

const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: 'no-upward-import',
  comment: `${layer} may import only the layers below it (.dependency-cruiser.cjs LAYERS)`,
  severity: 'error',
  from: { path: pathOf(layer) },
  to: { path: LAYERS.slice(i + 1).map(pathOf) },
}));

/** The pure domain and the views: no database, no Slack, no HTTP. */
const PURE = ['src/bank/', 'src/drills/', 'src/coach/', 'src/progress/', 'src/views/'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'a file cycle: split out what both need, or pass it in',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'every-src-file-in-a-layer',
      comment: 'a new top-level folder or file of src/ needs its place in LAYERS',
      severity: 'error',
      from: { path: '^src/', pathNot: LAYERS.map(pathOf) },
      to: {},
    },
    {
      name: 'pure-domain',
      comment: "the domain and the views know nothing of the database, Slack's clients, HTTP or logging",
      severity: 'error',
      from: { path: PURE.map(pathOf) },
      to: {
        path: ['node_modules/(@slack|drizzle-orm|pg|@electric-sql|pino|express)/', '^(node:)?(http|net|fs)$'],
        // Block Kit's types are what the views build.
        pathNot: 'node_modules/@slack/types/',
      },
    },
    {
      name: 'bot-is-src-only',
      comment: 'the bot (src/) is built and shipped alone: it imports nothing outside src/',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(local-slack|sandbox|test|bench)/' },
    },
    {
      name: 'local-slack-stands-alone',
      comment: 'the local Slack plays Slack: it knows nothing of the bot, the sandbox, tests or benchmarks',
      severity: 'error',
      from: { path: '^local-slack/' },
      to: { path: '^(src|sandbox|test|bench)/' },
    },
    {
      name: 'local-slack-through-its-entry',
      comment: 'outside local-slack/, import it through local-slack/index.ts only',
      severity: 'error',
      from: { pathNot: '^local-slack/' },
      to: { path: '^local-slack/', pathNot: '^local-slack/index\\.ts$' },
    },
    {
      name: 'bench-not-from-tests',
      comment: 'benchmarks share helpers with tests through harness/, never test/',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^test/' },
    },
    {
      name: 'nothing-imports-tests',
      comment: 'the bot, the local Slack, the sandbox and the harness never import a test helper',
      severity: 'error',
      from: { path: '^(src|local-slack|sandbox|harness)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with: swc reads the files (type
    // imports included), enhanced-resolve finds them.
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data|coverage)/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.mjs'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'node', 'default'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
