import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './preloadBridge';

contextBridge.exposeInMainWorld('copydesk', createBridge(ipcRenderer));
