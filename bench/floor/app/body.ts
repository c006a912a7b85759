// 100 bytes of JSON: the body both floor routes answer.
export const body = { name: "floor", note: "a route handler with nothing around it", padding: "xxxxxxxxxxxxxxxxxxxxxxx" };
