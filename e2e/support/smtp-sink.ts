// A real SMTP server for the notice tests (the smtp-server package), on a free port of its own: it accepts
// every mail and keeps it, decoded, for the test to read. It can be stopped and started again on the same
// port, to play an SMTP server that goes down and comes back.
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; raw: string };

export type SmtpSink = {
  port: number;
  url: string;
  mails: ReceivedMail[];
  mailsTo: (recipient: string) => ReceivedMail[];
  stop: () => Promise<void>;
  isUp: () => boolean;
  restart: () => Promise<void>;
};

function header(head: string, name: string): string | undefined {
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(head);
  return match?.[1].replace(/\r?\n[ \t]/g, " ").trim();
}

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
    encoding.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : Buffer.from(decodeQuotedPrintable(text.replaceAll("_", " ")), "latin1").toString("utf8"),
  );
}

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Reads a single-part text mail as nodemailer writes it (quoted-printable, base64 or plain). */
export function parseMail(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const encoding = (header(head, "Content-Transfer-Encoding") ?? "7bit").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? Buffer.from(decodeQuotedPrintable(body), "latin1").toString("utf8")
        : body;
  return { ...envelope, subject: decodeWords(header(head, "Subject") ?? ""), text: text.replace(/\r\n/g, "\n"), raw };
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  let server: SMTPServer | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        // Plain SMTP on localhost: no certificate to make.
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            const envelope = {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
            };
            mails.push(parseMail(Buffer.concat(chunks).toString("utf8"), envelope));
            callback();
          });
        },
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.server.address() as { port: number }).port;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      const closing = server;
      server = null;
      closing.close(() => resolve());
    });

  await listen();
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    mailsTo: (recipient) => mails.filter((mail) => mail.to.includes(recipient)),
    stop,
    isUp: () => server !== null,
    restart: listen,
  };
}
