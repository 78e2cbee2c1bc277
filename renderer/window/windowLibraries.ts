// The first of the window's start steps (main.tsx): React's DOM renderer, in the chunk vite.config.ts
// groups with the rest of React and the message formatter, all evaluated in a task of their own
// before the database and the window's code.
export { createRoot } from 'react-dom/client';
