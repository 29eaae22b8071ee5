import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/theme.css';
import './ui/app.css';
import './ui/canvas.css';
import './ui/panels.css';
import './ui/traffic.css';
import { App } from './ui/App';
import { APP_FLAGS } from './ui/embed/app-flags';
import { EmbedApp } from './ui/embed/EmbedApp';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>{APP_FLAGS.embed ? <EmbedApp mode={APP_FLAGS.embed} /> : <App />}</StrictMode>,
);
