// Loaded first in the mock run (see run-under-mocks.ts): Pulumi's unit-test mocks stand in for the
// engine and AWS, and a local RPC server stands in for the SST CLI (bootstrap bucket, function builds);
// every resource the program
// registers is recorded with its inputs.
import * as pulumi from '@pulumi/pulumi';
import http from 'node:http';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const settings = JSON.parse(process.env.MOCK_RUN_SETTINGS);

export const recorded = { resources: [], calls: [], builds: [] };

const arnOf = (type, name) => {
  const service = type.split(':')[1].split('/')[0];
  return `arn:aws:${service}:${REGION}:${ACCOUNT}:${name}`;
};

pulumi.runtime.setMocks(
  {
    newResource(args) {
      const name = args.inputs.name ?? args.inputs.functionName ?? args.name;
      recorded.resources.push({ type: args.type, name: args.name, inputs: args.inputs });
      const state = { ...args.inputs, name, arn: arnOf(args.type, name) };
      if (args.type === 'aws:sqs/queue:Queue') state.url = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`;
      if (args.type === 'aws:apigatewayv2/api:Api') state.apiEndpoint = `https://${args.name}.execute-api.${REGION}.amazonaws.com`;
      return { id: `${args.name}-id`, state };
    },
    call(args) {
      recorded.calls.push({ token: args.token, inputs: args.inputs });
      switch (args.token) {
        case 'aws:index/getPartition:getPartition':
          return { partition: 'aws', dnsSuffix: 'amazonaws.com' };
        case 'aws:index/getRegion:getRegion':
          return { name: REGION, region: REGION, id: REGION };
        case 'aws:index/getCallerIdentity:getCallerIdentity':
          return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/test`, userId: 'test' };
        case 'aws:sns/getTopic:getTopic':
          return { arn: `arn:aws:sns:${REGION}:${ACCOUNT}:${args.inputs.name}`, name: args.inputs.name };
        case 'aws:dynamodb/getTable:getTable':
          return { arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${args.inputs.name}`, name: args.inputs.name };
        case 'aws:lambda/getFunction:getFunction':
          return { arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${args.inputs.functionName}` };
        case 'aws:ssm/getParameter:getParameter':
          return { name: args.inputs.name, value: `arn:aws:lambda:${REGION}:094274105915:layer:PowertoolsFromParameter:${args.inputs.name}` };
        case 'aws:iam/getPolicyDocument:getPolicyDocument':
          return { json: JSON.stringify(policyDocument(args.inputs)), statements: args.inputs.statements ?? [] };
        default:
          return args.inputs;
      }
    },
  },
  settings.project,
  settings.stage,
  false,
);

function policyDocument(inputs) {
  return {
    Version: '2012-10-17',
    Statement: (inputs.statements ?? []).map((statement) => ({
      Effect: statement.effect ?? 'Allow',
      Action: statement.actions,
      Resource: statement.resources,
      ...(statement.principals && { Principal: statement.principals }),
    })),
  };
}

// The SST CLI answers these over RPC during a real run.
const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    const { method, params } = JSON.parse(body);
    const input = params[0];
    let result;
    if (method === 'Provider.Aws.Bootstrap') {
      result = { asset: 'sst-asset-bucket', assetEcrRegistryId: ACCOUNT, assetEcrUrl: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/sst-asset`, state: 'sst-state', appsyncHttp: '', appsyncRealtime: '' };
    } else if (method === 'Runtime.Build') {
      // With `bundle` set, SST deploys the given directory as it is: Nx built and tested it.
      recorded.builds.push({ functionID: input.functionID, handler: input.handler, bundle: input.bundle, runtime: input.runtime });
      result = { handler: input.handler, out: input.bundle, errors: [], sourcemaps: [] };
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result === undefined ? { error: `rpc: can't find method ${method}` } : { result }));
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
server.unref();
process.env.SST_SERVER = `http://127.0.0.1:${server.address().port}`;

