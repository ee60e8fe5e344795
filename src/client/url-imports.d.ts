// Vite turns `import x from './file?url'` into the hashed URL of that file.
declare module '*?url' {
  const url: string;
  export default url;
}
declare module '*.css';
