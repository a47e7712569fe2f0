// The `sst` and `aws` namespaces an SST program uses as globals, as SST's CLI provides them.
import * as sst from '../../../.sst/platform/src/components/index';
import * as aws from '@pulumi/aws';

globalThis.sst = sst;
globalThis.aws = aws;
