import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { readBoot } from "../shared/boot.ts";
import { I18n } from "../shared/i18n/I18n.tsx";
import "../shared/ui/styles.css";
import { App } from "./App.tsx";

const boot = readBoot();
const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <I18n initial={boot.locale}>
        <App boot={boot} />
      </I18n>
    </StrictMode>,
  );
