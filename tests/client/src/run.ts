// Runs the exercise against the server named by API_BASE_URL and prints what it saw, as JSON.
import { exercise } from "./exercise";

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const result = await exercise({
  baseUrl: required("API_BASE_URL"),
  token: required("API_TOKEN"),
  visibilityGroupId: required("API_GROUP_ID"),
  idempotencyKey: required("API_IDEMPOTENCY_KEY"),
});
process.stdout.write(JSON.stringify(result));
