// The first of the window's start steps (main.tsx): React's DOM renderer and the message formatter,
// evaluated in a task of their own before the database and the window's code.
export { createRoot } from 'react-dom/client';
export { IntlProvider } from 'react-intl';
