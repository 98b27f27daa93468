// First: it sends the first screen's calls before the rest of the app's script runs.
import { firstAnswersIn } from './first-calls.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { preloadPage } from './lazy-pages.ts';
import { sectionFromHash } from './section-from-hash.ts';

preloadPage(sectionFromHash(window.location.hash));
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first screen's answers are usually in by now; waiting for them saves a second render.
void firstAnswersIn(100).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
