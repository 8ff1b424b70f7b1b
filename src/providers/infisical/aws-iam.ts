// AWS IAM login (`method: aws-iam`, docs/protocols/infisical.md#aws-iam-auth): the runner's AWS
// credentials sign an STS GetCallerIdentity request, which is not sent to AWS but handed to
// Infisical (method, base64 body, base64 JSON headers); Infisical forwards it to STS and learns who
// signed it. The headers are the ones Infisical/secrets-action's signer (@aws-sdk's SignatureV4)
// sends. Loaded only by this login.
import { InputError } from '../../errors.js'
import type { AwsEnvironment } from '../../inputs.js'
import { amzDate, authorization, payloadHash } from './sigv4.js'

/** The signed request's parts, as the login's form fields. */
export interface AwsLoginFields {
  readonly iamHttpRequestMethod: 'POST'
  readonly iamRequestBody: string
  readonly iamRequestHeaders: string
}

export const STS_BODY = 'Action=GetCallerIdentity&Version=2011-06-15'

/** Checks the environment gives a whole credential and a region; the error names what is missing. */
export function awsCredentials(
  aws: AwsEnvironment | undefined,
): Required<Omit<AwsEnvironment, 'sessionToken'>> & Pick<AwsEnvironment, 'sessionToken'> {
  const missing = [
    ['AWS_ACCESS_KEY_ID', aws?.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', aws?.secretAccessKey],
    ['AWS_REGION (or AWS_DEFAULT_REGION)', aws?.region],
  ]
    .filter(([, v]) => !v)
    .map(([n]) => n)
  if (missing.length > 0 || !aws) {
    throw new InputError(
      `Input 'method' is 'aws-iam', which signs with the runner's AWS credentials, but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: ` +
        'run aws-actions/configure-aws-credentials (or set them) in an earlier step.',
    )
  }
  if (!/^[a-z0-9-]{1,20}$/.test(aws.region!))
    throw new InputError(`AWS_REGION ('${aws.region}') is not an AWS region name such as 'eu-west-1'.`)
  return {
    accessKeyId: aws.accessKeyId!,
    secretAccessKey: aws.secretAccessKey!,
    region: aws.region!,
    ...(aws.sessionToken ? { sessionToken: aws.sessionToken } : {}),
  }
}

/** Signs GetCallerIdentity for sts.<region>.amazonaws.com at `now` and packs it for Infisical. */
export function signedCallerIdentity(aws: AwsEnvironment | undefined, now: number): AwsLoginFields {
  const creds = awsCredentials(aws)
  const host = `sts.${creds.region}.amazonaws.com`
  const date = amzDate(now)
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
    Host: host,
    'Content-Length': String(Buffer.byteLength(STS_BODY)),
    'x-amz-date': date,
    ...(creds.sessionToken ? { 'x-amz-security-token': creds.sessionToken } : {}),
    'x-amz-content-sha256': payloadHash(STS_BODY),
  }
  headers.Authorization = authorization({ method: 'POST', host, path: '/', headers, body: STS_BODY }, creds, {
    region: creds.region,
    service: 'sts',
    amzDate: date,
  })
  return {
    iamHttpRequestMethod: 'POST',
    iamRequestBody: Buffer.from(STS_BODY, 'utf8').toString('base64'),
    iamRequestHeaders: Buffer.from(JSON.stringify(headers), 'utf8').toString('base64'),
  }
}
