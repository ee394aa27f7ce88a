import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { loadAdminCatalogue } from "../shared/i18n/catalogues.ts";
import { I18n } from "../shared/i18n/I18n.tsx";
import "../shared/ui/styles.css";
import "./admin.css";
import { App } from "./App.tsx";
import { readAdminBoot } from "./api.ts";
import { SessionProvider } from "./session.tsx";

const boot = readAdminBoot();
const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <I18n initial={boot.locale} load={loadAdminCatalogue}>
        <SessionProvider boot={boot}>
          <App />
        </SessionProvider>
      </I18n>
    </StrictMode>,
  );
