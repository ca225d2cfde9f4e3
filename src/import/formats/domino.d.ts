// The package's own declarations name the module "domino", not "@mixmark-io/domino".
declare module '@mixmark-io/domino' {
  export function createDocument(html?: string, force?: boolean): Document;
}
