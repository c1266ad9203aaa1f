/** @type {import('next').NextConfig} */
const nextConfig = {
  // The proxy's embedded database ships wasm and data files: load it from node_modules at
  // run time instead of bundling it into the route handler.
  serverExternalPackages: ['@electric-sql/pglite', 'billkit-proxy'],
};

export default nextConfig;
