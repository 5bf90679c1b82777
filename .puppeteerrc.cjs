// Puppeteer must never download a browser: the machine's Chrome, Edge or Chromium is used.
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
  firefox: { skipDownload: true },
};
