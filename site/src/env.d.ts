/// <reference types="astro/client" />
declare module "virtual:mlcat/site-data" {
  const data: import("../../src/site-data/types.ts").SiteData;
  export default data;
}
