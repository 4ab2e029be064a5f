import { withPayload } from '@payloadcms/next/withPayload'

// The admin and API are never framed (clickjacking), never sniffed, and send only the origin to other sites.
// A full script CSP is left out: the Payload admin relies on Next's inline bootstrap scripts.
const securityHeaders = [
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'" },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The shared workspaces ship TypeScript source.
  transpilePackages: ['@gongyu/search', '@gongyu/seed'],
  // Payload adds `X-Powered-By: Next.js, Payload` unless this is false; it only helps an attacker pick exploits.
  poweredByHeader: false,
  // `npm run dev` serves on 127.0.0.1 and prints that address; Next's dev server otherwise refuses its own
  // scripts to any origin but localhost, and the admin stays blank (issue 14). `next start` has no such check.
  allowedDevOrigins: ['127.0.0.1'],
  // `npm run typecheck` checks every workspace (and CI runs it); checking again inside `next build` only doubles the build time.
  typescript: { ignoreBuildErrors: true },
  headers: async () => [{ source: '/:path*', headers: securityHeaders }],
  webpack: (config) => {
    config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'] }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
