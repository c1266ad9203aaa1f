/// <reference types="vite/client" />
interface ImportMetaEnv {
  readonly VITE_BILLKIT_TOKEN?: string;
}
