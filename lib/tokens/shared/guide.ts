// Where the app serves docs/least-privilege-token.md: the way to give an integration less than its
// owner has (a user of its own with limited roles), linked from the generate dialog.
export const LEAST_PRIVILEGE_GUIDE_PATH = "/guides/least-privilege-token";
