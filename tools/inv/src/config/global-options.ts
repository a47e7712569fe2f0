/** The options every command takes (`inv --url ... replay list`), as commander parses them. */
export interface GlobalOptions {
  /** The gateway; default `http://localhost:${PORT:-3000}`. */
  url?: string;
  /** JSON on stdout instead of tables. */
  json?: boolean;
  /** A deployed stage: talk to AWS with the usual credentials, names derived from the catalogue. */
  stage?: string;
  /** AWS region; default `AWS_REGION`, the local stack's, or `us-east-1`. */
  region?: string;
  /** SQS endpoint; default `AWS_ENDPOINT_URL_SQS`, else the local stack's. */
  sqsEndpoint?: string;
  /** The state file of a running `npm start`; default `<workspace>/.data/local-stack-<gateway port>.json`. */
  stateFile?: string;
  /** What queue names carry before the catalogue's name on AWS; default `inventario-<stage>-`. */
  namePrefix?: string;
}
