import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The shared workspaces ship TypeScript source.
  transpilePackages: ['@gongyu/search', '@gongyu/seed'],
  webpack: (config) => {
    config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'] }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
