// Deliberately empty. Without an instrumentation file of its own, the build picks up the app's (two folders
// up, inside the bundler's root), which would run the app's start-up (migrations, seeding) in the floor.
export function register() {}
