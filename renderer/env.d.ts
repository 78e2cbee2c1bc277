// Values that Vite writes into the renderer build at build time.
declare const __APP_VERSION__: string;
