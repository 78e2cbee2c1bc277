// Pages of our own for the article tests and the bench: a report long enough to be an article, with
// a picture on the serving host and a town named only in its body, and a consent wall with no article.
const paragraphs = [
  'The river rose overnight and families from three neighbourhoods spent the night in the municipal shelter, where volunteers counted two hundred people by dawn.',
  'Officials said the water reached the market street before midnight. Most families left with what they could carry, and the school opened its doors at six.',
  'In Huehuetenango, relatives waited for news through the morning; the road south was closed by a landslide and reopened only in the afternoon.',
  'Health workers set up a point for clean water and a small clinic. They asked people not to drink from wells near the river until the water has been tested.',
  'The shelter needs blankets, dry food and hygiene kits. The municipality said it would publish a list of what is needed each morning until the water goes down.',
];

export const ownReportPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Flood report from Tapachula</title>
<meta property="og:site_name" content="River Desk"><meta name="author" content="Field Desk"></head>
<body><header><nav><a href="/">Home</a> <a href="/world/">World</a></nav></header>
<main><article><h1>Flood report from Tapachula</h1><p class="byline">By Field Desk</p>
${paragraphs.map((text, index) => `<p>${text}</p>${index === 1 ? '<figure><img src="/pictures/river.png" alt="The river at dawn" width="640" height="320"><figcaption>The river at dawn.</figcaption></figure>' : ''}`).join('\n')}
<script>document.title = 'scripted';</script><iframe src="https://ads.example/frame"></iframe>
</article></main><footer>© River Desk</footer></body></html>`;

/** A sentence only the full report holds (the feed's teaser does not). */
export const ownReportSentence = 'Health workers set up a point for clean water and a small clinic.';

export const consentWallPage = `<!doctype html>
<html><head><meta charset="utf-8"><title>Before you continue</title></head>
<body><div class="consent"><h1>We value your privacy</h1><p>We and our partners use cookies to store and access information on your device.</p>
<button>Accept all</button> <button>Manage options</button></div></body></html>`;
