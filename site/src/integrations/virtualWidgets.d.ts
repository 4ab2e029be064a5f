// The module site/src/integrations/widgetsIntegration.ts serves to pages: the built widget files' paths and SRI hashes.
declare module 'virtual:gongyu-widgets' {
  const manifest: import('./widgetBundle.ts').WidgetManifest
  export default manifest
}
