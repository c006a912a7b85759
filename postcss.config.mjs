// Tailwind CSS 4 compiles app/globals.css at build time into a same-origin stylesheet: nothing is fetched
// at run time, so the Content-Security-Policy's style-src 'self' covers it.
const config = { plugins: { "@tailwindcss/postcss": {} } };

export default config;
