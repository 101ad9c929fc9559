/**
 * The HTTP methods a Python web framework or client names its calls after (`router.post`,
 * `client.get`): FastAPI's route decorators and Django's test client each add their own.
 */
export const HTTP_METHODS = [
  "get",
  "post",
  "put",
  "patch",
  "delete",
  "head",
  "options",
  "trace",
] as const;
