import { authErrors, ref, response, success } from "../build";
import { optionsOperation } from "./options";

export const accountPaths = {
  "/me": {
    get: {
      operationId: "getMe",
      tags: ["Account"],
      summary: "The token's owner, their access and the token",
      description:
        "Who the token acts for: the owner, the permissions and visibility groups the owner holds right now (read live at every request, as in the panels), and the token's own ID and name. Needs no permission, so an integration can check its token first.",
      responses: { "200": success("The caller", ref("Me")), "400": response("InvalidRequest"), ...authErrors },
    },
    options: optionsOperation("optionsMe", "Account", "GET, HEAD, OPTIONS", "token"),
  },
} as const;
