// SigV4 against AWS's published example (IAM ListUsers, "Create a signed AWS API request") and the
// STS request Infisical/secrets-action's signer (@smithy/signature-v4 5.7.5, run once with these
// inputs) produces: the same headers and the same signature.
import { amzDate, authorization } from '../../../../src/providers/infisical/sigv4.js'
import { signedCallerIdentity } from '../../../../src/providers/infisical/aws-iam.js'

const EXAMPLE = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }

test("AWS's published example: GET iam ListUsers, 20150830T123600Z, us-east-1", () => {
  const header = authorization(
    {
      method: 'GET',
      host: 'iam.amazonaws.com',
      path: '/',
      query: { Version: '2010-05-08', Action: 'ListUsers' },
      headers: {
        Host: 'iam.amazonaws.com',
        'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
        'X-Amz-Date': '20150830T123600Z',
      },
      body: '',
    },
    EXAMPLE,
    { region: 'us-east-1', service: 'iam', amzDate: '20150830T123600Z' },
  )
  expect(header).toBe(
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
  )
})

test('amzDate is the basic ISO 8601 form', () => {
  expect(amzDate(Date.parse('2015-08-30T12:36:00.123Z'))).toBe('20150830T123600Z')
})

test("GetCallerIdentity for sts.eu-west-1 with a session token: the vendor signer's headers and signature", () => {
  const fields = signedCallerIdentity(
    { ...EXAMPLE, sessionToken: 'SESSIONTOKEN', region: 'eu-west-1' },
    Date.parse('2015-08-30T12:36:00Z'),
  )
  expect(fields.iamHttpRequestMethod).toBe('POST')
  expect(Buffer.from(fields.iamRequestBody, 'base64').toString()).toBe('Action=GetCallerIdentity&Version=2011-06-15')
  expect(JSON.parse(Buffer.from(fields.iamRequestHeaders, 'base64').toString())).toEqual({
    'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
    Host: 'sts.eu-west-1.amazonaws.com',
    'Content-Length': '43',
    'x-amz-date': '20150830T123600Z',
    'x-amz-security-token': 'SESSIONTOKEN',
    'x-amz-content-sha256': 'ab821ae955788b0e33ebd34c208442ccfc2d406e2edc5e7a39bd6458fbb4f843',
    Authorization:
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/sts/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=583d001c9d8755e553b96a08ae41fa1f55715e3d79dfac1e025c47be074df940',
  })
})

test.each([
  [{ region: 'eu-west-1' }, /AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY are not set/],
  [{ ...EXAMPLE }, /AWS_REGION \(or AWS_DEFAULT_REGION\) is not set/],
  [{ ...EXAMPLE, region: 'EU West' }, /is not an AWS region name/],
])('%j: an error naming what is missing', (aws, error) => {
  expect(() => signedCallerIdentity(aws, 0)).toThrow(error)
})
