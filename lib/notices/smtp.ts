import "server-only";
import nodemailer from "nodemailer";
import type { MailTransport } from "./sender";

// One pooled SMTP connection per instance; the URL carries host, port, TLS and credentials
// (smtp://user:pass@host:587, smtps://… for implicit TLS), as nodemailer reads it.
export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
}
