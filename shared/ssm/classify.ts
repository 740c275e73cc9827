/** What to do about a failed SSM call. */
export type FailureKind = "throttled" | "transient" | "denied" | "invalid" | "fatal";

const THROTTLE_NAMES = new Set([
  "ThrottlingException",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
]);
const DENIED_NAMES = new Set([
  "AccessDeniedException",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "ExpiredTokenException",
  "ExpiredToken",
  "InvalidClientTokenId",
  "IncompleteSignature",
  "MissingAuthenticationToken",
  "CredentialsProviderError",
  "KMSAccessDeniedException",
]);
const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "UND_ERR_SOCKET",
]);

interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
}

/** Sorts an error from the AWS SDK (or the socket under it) into what the retry loop does with it. */
export function classifyFailure(error: unknown): FailureKind {
  const e = (error ?? {}) as SdkLikeError;
  const status = e.$metadata?.httpStatusCode;
  if (THROTTLE_NAMES.has(e.name ?? "") || status === 429 || e.$retryable?.throttling) return "throttled";
  if (DENIED_NAMES.has(e.name ?? "") || status === 403) return "denied";
  if (e.name === "ValidationException" || e.name === "InvalidNextToken") return "invalid";
  if (status !== undefined && status >= 500) return "transient";
  if (
    NETWORK_CODES.has(e.code ?? "") ||
    e.name === "TimeoutError" ||
    /socket hang up/i.test(e.message ?? "")
  ) {
    return "transient";
  }
  // A response the SDK could not parse (a proxy's HTML page, a cut body) is worth another try.
  if (
    status === undefined &&
    e.name !== undefined &&
    /Deserializ|Unexpected end|JSON/i.test(e.message ?? "")
  ) {
    return "transient";
  }
  return "fatal";
}
